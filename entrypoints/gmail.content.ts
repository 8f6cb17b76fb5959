import { defineContentScript } from 'wxt/utils/define-content-script';
import { GMAIL_PATTERNS } from '../utils/hosts';
import { gmail } from '../utils/webmail/gmail';
import { runMailContent } from '../utils/webmail/mail-content';

export default defineContentScript({
  matches: [...GMAIL_PATTERNS],
  // Only the mail app (not Gmail's own frames for compose pop-outs, ads or hangouts).
  allFrames: false,
  runAt: 'document_idle',
  // WXT would otherwise post a window message naming the extension, visible to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runMailContent(ctx, gmail);
  },
});
