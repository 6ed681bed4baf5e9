/** Phrases of the validation library's own messages: none may reach a person. */
export const LIBRARY_PHRASES =
  /invalid input|expected (a |an )?(string|number|boolean|object|array|record|int)|received|too (big|small)|unrecognized key|invalid (option|string|enum|union|discriminator|type|key|element)|must match pattern|required|nonoptional|Ids are letters/i;
