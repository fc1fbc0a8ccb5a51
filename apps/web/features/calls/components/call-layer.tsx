'use client';

import { useEffect, useRef, useState } from 'react';
import { useAuth } from '@/features/auth/auth-context';
import { loadPreferences } from '@/features/chat/lib/preferences';
import { fetchIceServers } from '@/features/chat/queries';
import { useSocket } from '@/lib/socket/socket-context';
import { CallController } from '../lib/call-controller';
import { callStore, useCallState } from '../lib/call-store';
import { CallBar } from './call-bar';
import { CallView } from './call-view';
import { IncomingCall } from './incoming-call';
import { RemoteAudio } from './remote-audio';

/**
 * Everything a call shows, mounted once beside every signed-in page: the incoming-call modal, the
 * full call view and, while browsing other pages, the minimised bar. The remote audio lives here too,
 * so it keeps playing whichever of those is on screen.
 */
export function CallLayer() {
  const { socket } = useSocket();
  const { authedRequest, status } = useAuth();
  const requestRef = useRef(authedRequest);
  requestRef.current = authedRequest;
  const [controller, setController] = useState<CallController | null>(null);
  const state = useCallState();

  useEffect(() => {
    if (!socket || status !== 'authenticated') return;
    const created = new CallController({
      socket,
      fetchIceServers: () => fetchIceServers(requestRef.current),
      hideIp: () => loadPreferences().hideIp,
    });
    setController(created);
    callStore.registerStarter((peer, isVideo) => void created.start(peer, isVideo));
    return () => {
      callStore.registerStarter(null);
      created.dispose();
      setController(null);
    };
  }, [socket, status]);

  if (!controller || state.phase.name === 'idle') return null;
  return (
    <>
      <RemoteAudio stream={state.remoteStream} />
      {state.phase.name === 'incoming' ? <IncomingCall phase={state.phase} controller={controller} /> : null}
      {state.phase.name !== 'incoming' && !state.minimized ? (
        <CallView state={state} controller={controller} />
      ) : null}
      {state.phase.name !== 'incoming' && state.minimized ? (
        <CallBar state={state} controller={controller} />
      ) : null}
    </>
  );
}
