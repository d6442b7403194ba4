// An Express 5 app mounting Consentry under /oauth with `consentry.nodeHandler`.
import express from 'express';
import { consentry, hostPage, port } from './host-common.mjs';

const app = express();
app.use('/oauth', consentry.nodeHandler); // before any body parser: Consentry reads its own bodies
app.use(async (req, res, next) => {
  try {
    const [status, headers, body] = await hostPage(req.originalUrl, req.headers.cookie);
    res.status(status).set(headers).send(body);
  } catch (error) {
    next(error);
  }
});
const server = app.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () =>
  server.close(async () => {
    await consentry.close();
    process.exit(0);
  }),
);
