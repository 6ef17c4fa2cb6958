import { Hono } from 'hono';
import { requireRole } from '../domain/policy';
import type { AppEnv } from '../env';
import { DeskPage } from '../../views/pages/desk';
import { renderPage } from './render';

/** Each role's desk. Later areas (portal, workbench, audit) mount their own pages over these. */
export const deskRoutes = new Hono<AppEnv>()
  .get('/workbench', (c) => {
    const u = requireRole(c.var.user, 'officer', 'expert', 'approver', 'liaison', 'auditor');
    const title = c.var.locale === 'zh' ? '工作台' : 'Workbench';
    return renderPage(c, title, <DeskPage locale={c.var.locale} title={title} role={u.role} name={u.name} institution={u.institutionCode}><p>{c.var.locale === 'zh' ? '暂无待办案件。' : 'Nothing waiting for you.'}</p></DeskPage>);
  });
