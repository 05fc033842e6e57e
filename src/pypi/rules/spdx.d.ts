// spdx-expression-parse ships no types; the action only needs "does it parse".
declare module 'spdx-expression-parse' {
  export default function parse(source: string): unknown;
}
