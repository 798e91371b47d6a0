/** Uploads area, pure logic (U-FORMAT, U-BYTES): sniffing, PDF inspection, verdicts, size search, names, order. */
export * from './spec.ts';
export * from './sniff.ts';
export * from './pdf-inspect.ts';
export * from './readability.ts';
export * from './compress-plan.ts';
export * from './decide.ts';
export * from './names.ts';
export * from './order.ts';
export * from './image-header.ts';
export * from './messages.ts';
