import { GraphQLError, GraphQLScalarType } from 'graphql';

/** A JSON object, for documents whose shape is data rather than API (exports, snapshots). Output only. */
export const GraphQLJSONObject = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object; used for exports whose shape is data rather than API',
  serialize: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new GraphQLError('JSONObject must be an object');
    return value;
  },
  parseValue: () => {
    throw new GraphQLError('JSONObject is output only');
  },
  parseLiteral: () => {
    throw new GraphQLError('JSONObject is output only');
  },
});
