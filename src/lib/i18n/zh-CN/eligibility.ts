/** zh-CN messages of the eligibility area (source language). Keys: 'eligibility.*'. */
const messages: Record<string, string> = {};
export default messages;
