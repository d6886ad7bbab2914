/**
 * The header that carries the shared secret of Strapi's webhook to the publisher: the CMS writes it
 * into the webhook it registers, the publisher checks it on `/webhooks/strapi`.
 */
export const WEBHOOK_SECRET_HEADER = 'x-xianjie-webhook-secret';
