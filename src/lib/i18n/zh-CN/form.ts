/** zh-CN messages of the form area (source language). Keys: 'form.*'. */
const messages: Record<string, string> = {};
export default messages;
