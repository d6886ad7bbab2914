import { html, type Markup } from './html.ts';
import { errorBox } from './layout.ts';

export function loginBody(token: string, username: string, error: string | null): Markup {
  return html`${errorBox(error)}
<p>民政部门、慈善组织和民政部的经办人员在这里办理转介。账号由管理员开通。</p>
<form method="post" action="/workbench/login" class="card">
<input type="hidden" name="_csrf" value="${token}">
<label for="username">用户名</label>
<input id="username" name="username" type="text" value="${username}" autocomplete="username" required autocapitalize="none">
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">登录</button>
</form>
<p class="hint">连续输错密码会暂时锁定账号。</p>`;
}
