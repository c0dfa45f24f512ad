/**
 * Entry point of `dist/server.js`. The transport comes from the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), so any LSP client can start it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A failure in background work (publishing, indexing) is logged, not fatal:
// Node would otherwise end the process on an unhandled rejection, and the
// writer would lose the server over one malformed message.
process.on('unhandledRejection', (err) => connection.console.error(`Unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
startServer(connection);
