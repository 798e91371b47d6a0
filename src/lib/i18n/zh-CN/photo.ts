/** zh-CN messages of the photo area (source language). Keys: 'photo.*'. */
const messages: Record<string, string> = {};
export default messages;
