/** English messages of the form area. Keys mirror zh-CN/form.ts. */
const messages: Record<string, string> = {};
export default messages;
