import { render } from 'preact';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { createClient } from '../../utils/messages/client';
import { takeFrameSecret } from '../../utils/page/frame-secret';
import './sidebar.css';

const secret = takeFrameSecret(location, history);
const tabParam = Number(new URLSearchParams(location.search).get('tab'));
const tabId = Number.isInteger(tabParam) && tabParam >= 0 && !secret ? tabParam : undefined;
const request = createClient({ secret });

// Ask before the first render: effects run after paint, which would delay the card.
const firstView = request('sidebar.view', tabId === undefined ? {} : { tabId });

render(<SidebarApp request={request} tabId={tabId} firstView={firstView} />, document.getElementById('app')!);
