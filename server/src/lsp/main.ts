/**
 * Entry point of `dist/server.js`. The transport comes from the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), so any LSP client can start it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { canonicalUris } from './workspace';

/** The URI each open document was opened with, by its canonical spelling: its diagnostics go out as the client spelt it. */
const spelt = new Map<string, string>();

const connection = createConnection(ProposedFeatures.all, {
  // Every URI a client sends is spelt as the server spells files' (`canonicalUri`) before a handler sees it.
  messageStrategy: {
    handleMessage(message, next) {
      const m = message as { method?: string; params?: { textDocument?: { uri?: unknown } }; result?: unknown };
      const uri = m.params?.textDocument?.uri;
      const opened = m.method === 'textDocument/didOpen' && typeof uri === 'string' ? uri : undefined;
      canonicalUris(m.params);
      canonicalUris(m.result);
      const canonical = m.params?.textDocument?.uri;
      if (typeof canonical !== 'string') return next(message);
      if (m.method === 'textDocument/didOpen') {
        if (opened !== undefined && opened !== canonical) spelt.set(canonical, opened);
        else spelt.delete(canonical);
      }
      const result = next(message);
      // (After the close is handled: the diagnostics it clears go out as the document was spelt.)
      if (m.method === 'textDocument/didClose') spelt.delete(canonical);
      return result;
    },
  },
});
const sendDiagnostics = connection.sendDiagnostics.bind(connection);
connection.sendDiagnostics = (params) => sendDiagnostics({ ...params, uri: spelt.get(params.uri) ?? params.uri });

// A failure in background work (publishing, indexing) is logged, not fatal:
// Node would otherwise end the process on an unhandled rejection, and the
// writer would lose the server over one malformed message.
process.on('unhandledRejection', (err) => connection.console.error(`Unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
startServer(connection);
