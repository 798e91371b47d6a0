/** English messages of the eligibility area. Keys mirror zh-CN/eligibility.ts. */
const messages: Record<string, string> = {};
export default messages;
