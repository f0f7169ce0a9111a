// The dashboard's wallet (EIP-1193): the user's own wallet through window.ethereum (MetaMask and the like), or, on the
// local chain only, one of the node's unlocked test accounts through its JSON-RPC. Every answer is {ok, result} or
// {ok:false, code, message} with the EIP-1193 / JSON-RPC error code (4001 rejected, 4902 unknown chain, ...).

let provider = null;
// The injected wallet's accountsChanged/chainChanged handlers, with the wallet they were added to, so they can be removed.
let listener = null;

export function hasInjected() {
  return typeof window.ethereum?.request === "function";
}

// Connects the injected wallet; reports account and chain changes to the .NET object (OnAccountsChanged, OnChainChanged).
export async function connectInjected(dotnet) {
  const eth = window.ethereum;
  if (!eth) return fail(4900, "No wallet found in this browser.");
  provider = eth;
  stopListening();
  listener = {
    eth,
    accounts: (accounts) => dotnet.invokeMethodAsync("OnAccountsChanged", accounts ?? []),
    chain: (chainId) => dotnet.invokeMethodAsync("OnChainChanged", chainId),
  };
  eth.on?.("accountsChanged", listener.accounts);
  eth.on?.("chainChanged", listener.chain);
  return call("eth_requestAccounts", []);
}

// The local node's accounts (Hardhat's unlocked test accounts).
export function localAccounts(rpcUrl) {
  return send(rpcUrl, "eth_accounts", []);
}

// Signs and sends through the local node's unlocked accounts from now on.
export function useLocal(rpcUrl) {
  stopListening();
  provider = { request: ({ method, params }) => rpc(rpcUrl, method, params ?? []) };
  return { ok: true, result: null };
}

export function disconnect() {
  stopListening();
  provider = null;
}

// The injected wallet's events concern the dashboard only while that wallet signs: after a disconnect or the switch to
// a local account, its account or chain changing must not change the dashboard's.
function stopListening() {
  if (!listener) return;
  listener.eth.removeListener?.("accountsChanged", listener.accounts);
  listener.eth.removeListener?.("chainChanged", listener.chain);
  listener = null;
}

// Any EIP-1193 request of the current provider (eth_chainId, eth_call, eth_signTypedData_v4, personal_sign,
// eth_sendTransaction, eth_getTransactionReceipt, wallet_switchEthereumChain, ...).
export function call(method, params) {
  if (!provider) return Promise.resolve(fail(4900, "No wallet is connected."));
  return provider.request({ method, params: params ?? [] }).then(ok, error);
}

// Copies text to the clipboard (the address buttons).
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function send(rpcUrl, method, params) {
  try {
    return ok(await rpc(rpcUrl, method, params));
  } catch (e) {
    return error(e);
  }
}

async function rpc(rpcUrl, method, params) {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: Date.now(), method, params }),
  });
  const body = await response.json();
  if (body.error) throw body.error;
  return body.result;
}

function ok(result) {
  return { ok: true, result: result ?? null };
}

function error(e) {
  return fail(typeof e?.code === "number" ? e.code : -32603, e?.message ?? String(e));
}

function fail(code, message) {
  return { ok: false, code, message };
}
