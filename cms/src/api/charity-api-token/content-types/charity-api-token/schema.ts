/**
 * Binds a Content API token (`admin::api-token`) to the charity it writes for; see
 * src/rbac/api-token-binding.ts for why this is its own small type rather than a relation on
 * the charity. Internal: no routes (so no Content API), hidden from the content-manager and the
 * Content-Type Builder, no draft & publish. Not part of content/ or the snapshot.
 */
export default {
  kind: 'collectionType',
  collectionName: 'charity_api_tokens',
  info: {
    singularName: 'charity-api-token',
    pluralName: 'charity-api-tokens',
    displayName: '慈善组织 API 令牌',
    description: '把 Content API 令牌绑定到一个慈善组织：令牌只能写入该组织的项目、信息公开和帮扶案例',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // Unidirectional; the join row goes when the token is deleted (foreign key, on delete cascade).
    token: { type: 'relation', relation: 'oneToOne', target: 'admin::api-token', private: true },
    // documentId: the same for the charity's draft and published rows, and stable across publishes.
    charityDocumentId: { type: 'string', required: true, private: true },
  },
};
