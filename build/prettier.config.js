/** Prettier settings shared by the editor and `npm run format`. */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
};
