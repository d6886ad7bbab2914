/** REST defaults: the publisher pages through everything, 100 at a time. */
export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
