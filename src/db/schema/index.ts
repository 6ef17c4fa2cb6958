export * from './institutions';
export * from './enterprises';
export * from './users';
export * from './auth';
export * from './programmes';
export * from './cases';
export * from './audit';
export * from './documents';
