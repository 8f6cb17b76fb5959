import { defineContentScript } from 'wxt/utils/define-content-script';
import { OUTLOOK_PATTERNS } from '../utils/hosts';
import { runMailContent } from '../utils/webmail/mail-content';
import { outlook } from '../utils/webmail/outlook';

export default defineContentScript({
  matches: [...OUTLOOK_PATTERNS],
  allFrames: false,
  runAt: 'document_idle',
  // WXT would otherwise post a window message naming the extension, visible to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runMailContent(ctx, outlook);
  },
});
