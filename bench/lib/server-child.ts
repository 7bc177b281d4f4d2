// Entry point of the server child process started by startChild() in ./server.ts.
import { runChild } from './server.ts';

await runChild();
