import { LoadFailedState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';

export function ChatLoadingState() {
  return (
    <div className="flex h-full flex-col" aria-busy="true">
      <span className="sr-only" role="status">
        Loading messages
      </span>
      <div className="flex h-16 items-center gap-3 border-b border-line px-4">
        <Skeleton className="size-10 rounded-full" />
        <div className="flex flex-col gap-2">
          <Skeleton className="h-3.5 w-32" />
          <Skeleton className="h-3 w-20" />
        </div>
      </div>
      <div className="flex flex-1 flex-col justify-end gap-3 px-4 pb-6 sm:px-6">
        {['w-[56%]', 'w-[40%]', 'w-[64%]', 'w-[32%]', 'w-[48%]'].map((width, index) => (
          <Skeleton
            key={width}
            className={cn('h-10 rounded-2xl', width, index % 2 ? 'self-end' : 'self-start')}
          />
        ))}
      </div>
    </div>
  );
}

export function ChatErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="flex h-full items-center justify-center p-6" data-testid="chat-error">
      <LoadFailedState title="Messages didn’t load" message={message} onRetry={onRetry} />
    </div>
  );
}
