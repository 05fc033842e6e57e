// bottleneck's light build (no clustering) has the same API as the full one it types.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
