// The contact manager: every contact in one sortable, filterable, searchable list
// (`manager.html`, an unlisted extension page opened from the toolbar popup).
// `manager.html#contact=<id>` opens with that contact's card beside the list.
import { render } from 'preact';
import { ManagerApp } from '../../components/manager/ManagerApp';
import { createClient } from '../../utils/messages/client';
import '../sidebar/sidebar.css';
import '../../components/sidebar/standalone.css';
import './manager.css';

render(<ManagerApp request={createClient()} />, document.getElementById('app')!);
