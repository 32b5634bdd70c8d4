/** OpenCC's character tables as opencc-js ships them: `from to[ to2]|…`. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
