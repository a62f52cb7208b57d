/**
 * A child process for the killed-write tests: it writes to a store until the test kills it with
 * SIGKILL. Usage: `node --import tsx writerChild.ts <db path> stream|import`.
 * It reports on stdout (synchronous on a pipe) only after a write has been committed.
 */
import { openConversationStore } from '../index';
import { importedConversations } from './fixtures';

const [path, mode] = process.argv.slice(2);
const { store } = openConversationStore({ path });

if (mode === 'stream') {
  const conversation = store.createConversation({ title: 'streaming' });
  const question = store.addMessage({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content: 'tell me a story',
    status: 'done',
  });
  const answer = store.addMessage({
    conversationId: conversation.id,
    parentId: question.id,
    role: 'assistant',
    content: '',
    status: 'streaming',
  });
  process.stdout.write(`answer ${answer.id}\n`);
  let text = '';
  for (let n = 0; ; n++) {
    text += `chunk${n} `;
    store.updateContent(answer.id, text);
    if (n % 20 === 0) process.stdout.write(`saved ${text.length}\n`);
  }
} else if (mode === 'import') {
  // The batched import: each progress line follows a committed batch of staged (hidden) rows.
  const conversations = importedConversations(3000, 20);
  void store
    .importConversationsAsync(conversations, (done, total) =>
      process.stdout.write(`progress ${done} ${total}\n`),
    )
    .then(() => {
      process.stdout.write('committed\n');
      store.close();
    });
}
