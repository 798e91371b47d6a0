/** English messages of the uploads area. Keys mirror zh-CN/uploads.ts. */
const messages: Record<string, string> = {};
export default messages;
