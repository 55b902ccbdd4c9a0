/** The shared contract suite that every FileStorage implementation runs (test files only: it imports vitest). */
export {
  describeFileStorageContract,
  UNSAFE_KEYS,
  type StorageUnderTest,
} from './storage-contract.testing.ts';
