/** zh-CN messages of the uploads area (source language). Keys: 'uploads.*'. */
const messages: Record<string, string> = {};
export default messages;
