import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { listDeliveries, listEndpoints, registerEndpoint, removeEndpoint, replayDelivery, webhookScope } from '../domain/webhooks/manage-endpoints';
import type { AppEnv } from '../env';
import { apiUser, readJson } from './auth';

const endpointId = (c: Context<AppEnv>): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', 'No such webhook endpoint.');
  return id;
};

/** Webhook endpoints of an institution (API.md): liaisons for their own, the admin for any. */
export const webhookApi = new Hono<AppEnv>()
  .post('/webhooks', async (c) => {
    const user = apiUser(c);
    webhookScope(user); // 403 before the body is read (API.md order of refusals)
    const body = await readJson(c);
    return c.json(registerEndpoint(c.var.deps, user, body), 201);
  })
  .get('/webhooks', (c) => c.json(listEndpoints(c.var.deps, apiUser(c))))
  .get('/webhooks/:id/deliveries', (c) => c.json(listDeliveries(c.var.deps, apiUser(c), endpointId(c))))
  .post('/webhooks/:id/deliveries/:deliveryId/replay', (c) => {
    replayDelivery(c.var.deps, apiUser(c), endpointId(c), c.req.param('deliveryId').slice(0, 100));
    return c.body(null, 202);
  })
  .delete('/webhooks/:id', (c) => {
    removeEndpoint(c.var.deps, apiUser(c), endpointId(c));
    return c.body(null, 204);
  });
