export { renderPage } from './render';
export { securityHeaders, isEmbedPath, CONTENT_SECURITY_POLICY } from './security-headers';
export { WebModule } from './web.module';
export { SubscribeLinks, type SubscribeLinksProps } from './components/subscribe-links';
export { Layout, type PageMeta } from './layout';
export { sendPage } from './respond';
export { NotFoundPage } from './pages/not-found.page';
export { SiteNotFoundFilter, isSitePath } from './not-found.filter';
