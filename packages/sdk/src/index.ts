export { ApiClient, ApiError } from './api.js';
export type { ApiClientOptions } from './api.js';
export { connectSocket } from './socket.js';
export type { GuftaguSocket, SocketOptions } from './socket.js';
