// Reads one JSON text on stdin and writes its RFC 8785 canonical form, by the npm package canonicalize, to stdout.
import canonicalize from 'canonicalize';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}

process.stdout.write(canonicalize(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
