export type { ApiClientOptions, UploadFile } from './api.js';
export { ApiClient, ApiError } from './api.js';
export type { GuftaguSocket, SocketOptions } from './socket.js';
export { connectSocket } from './socket.js';
