/**
 * Entry point of `dist/server.js`. The transport comes from the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), so any LSP client can start it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
