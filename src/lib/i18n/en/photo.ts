/** English messages of the photo area. Keys mirror zh-CN/photo.ts. */
const messages: Record<string, string> = {};
export default messages;
