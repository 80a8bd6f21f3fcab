import { QueuePage } from './queue-page.tsx';

/** `/review`: the lazy route's default export. */
export default function QueueScreen() {
  return <QueuePage />;
}
