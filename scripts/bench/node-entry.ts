// What scripts/bench.mjs needs from TypeScript sources, bundled by esbuild at the start of a run.
export { extractAdCodes } from '../../utils/extract';
export { realisticMailText, worstCaseInputs, rawScan } from './inputs';
export { listFiles, loadSize, loadedBy, readBudgets } from './bundle-sizes';
