/**
 * The escaped-HTML template tag lives in content/ (content/contracts/safe-html.ts) so the
 * workbench's server-rendered pages (referrals/) use the same one; site code keeps importing it here.
 */
export { html, raw, SafeHtml } from '../../content/contracts/safe-html.ts';
