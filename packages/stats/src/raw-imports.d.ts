// Test fixtures are imported as text with Vite's `?raw` suffix: the package does no file I/O.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
