// An EIP-1193 provider as a browser wallet injects it (window.ethereum), whose every request is answered by the test's
// TestWallet in .NET through a function the test exposes to the page (window.__pvTestWallet): JSON in, JSON out.
(() => {
  const listeners = new Map();
  window.ethereum = {
    isMetaMask: false,
    async request(args) {
      if (!args || typeof args.method !== 'string') {
        throw Object.assign(new Error('request expects { method, params }'), { code: -32600 });
      }
      const answer = JSON.parse(await window.__pvTestWallet(JSON.stringify({ method: args.method, params: args.params ?? [] })));
      if (answer.error) {
        // EIP-1193 ProviderRpcError: an Error with the JSON-RPC code (and data when the node gave some).
        throw Object.assign(new Error(answer.error.message), { code: answer.error.code, data: answer.error.data });
      }
      return answer.result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return this;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return this;
    },
  };
})();
