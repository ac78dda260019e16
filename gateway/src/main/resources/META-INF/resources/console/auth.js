// Login through Keycloak with the secondment-web public client: authorization code with PKCE (S256). The tokens
// live in this module's memory only (a reload signs in again through Keycloak's session, without a password);
// only the one-time PKCE verifier and state wait in sessionStorage across the redirect.
const PENDING = 'console.login';
/** The platform's realm roles (Keycloak adds its own defaults, which choose nothing here). */
const PLATFORM_ROLES = ['platform-admin', 'ministry-admin', 'coordinator', 'province-liaison', 'viewer', 'officer', 'ministry-unit'];
let settings;
let tokens;
let refreshTimer;

function endpoint(name) {
  return `${settings.keycloakUrl}/realms/${encodeURIComponent(settings.realm)}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}/`;
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function login() {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    client_id: settings.clientId, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256', state,
    ui_locales: localStorage.getItem('language') === 'en' ? 'en' : 'vi',
  });
  location.assign(`${endpoint('auth')}?${query}`);
  return new Promise(() => {}); // the page is leaving
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...form }),
  });
  if (!response.ok) throw new Error(`Keycloak answered ${response.status}`);
  return response.json();
}

function keep(answer) {
  tokens = { access: answer.access_token, refresh: answer.refresh_token, id: answer.id_token ?? tokens?.id };
  clearTimeout(refreshTimer);
  // refreshed a little before it expires, so a call never goes out with an expired token
  const seconds = Math.max(5, (answer.expires_in ?? 300) - 30);
  refreshTimer = setTimeout(() => refresh().catch(login), seconds * 1000);
}

async function refresh() {
  keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh }));
}

/** Signs in (back from Keycloak, or sent there); resolves with the signed-in user once a token is held. */
export async function signIn() {
  settings = await (await fetch('/console/config.json')).json();
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  if (params.has('code') && pending && params.get('state') === pending.state) {
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', `/${pending.hash || ''}`);
    try {
      keep(await tokenRequest({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        code_verifier: pending.verifier,
      }));
    } catch (e) {
      return login();
    }
    return user();
  }
  if (params.has('code') || params.has('error')) history.replaceState(null, '', `/${location.hash}`);
  return login();
}

/** The current access token, refreshed first when it is about to expire. */
export async function accessToken() {
  if (!tokens) return login();
  const { exp } = claims(tokens.access);
  if (exp * 1000 - Date.now() < 10_000) await refresh().catch(login);
  return tokens.access;
}

export function logout() {
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens?.id) query.set('id_token_hint', tokens.id);
  tokens = undefined;
  location.assign(`${endpoint('logout')}?${query}`);
}

function claims(jwt) {
  const body = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))));
}

/** Who is signed in, from the token's claims: the API decides what they may see, this only chooses menus. */
export function user() {
  const c = claims(tokens.access);
  const roles = (c.realm_access?.roles ?? []).filter((role) => PLATFORM_ROLES.includes(role));
  return {
    name: c.name || c.preferred_username, username: c.preferred_username, roles,
    ministry: c.ministry ?? null, province: c.province ?? null, unit: c.unit ?? null,
    has: (role) => roles.includes(role),
    /** Officers and units see their own work only: the overviews (coverage, figures) answer them 403. */
    ownWorkOnly: roles.every((role) => role === 'officer' || role === 'ministry-unit'),
  };
}
