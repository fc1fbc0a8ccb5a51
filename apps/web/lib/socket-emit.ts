// Socket acknowledgements come back as the same ApiError as REST calls, through the SDK.
export { emitWithAck } from '@guftagu/sdk';
