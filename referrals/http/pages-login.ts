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
<label for="code">动态验证码</label>
<p class="hint" id="code-hint">已开启两步验证的账号填写验证器应用中的 6 位数字；未开启的不填</p>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" aria-describedby="code-hint">
<button class="primary" type="submit">登录</button>
</form>
<p class="hint">连续输错密码会暂时锁定账号。</p>`;
}
