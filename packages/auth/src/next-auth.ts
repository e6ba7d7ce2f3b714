import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { decode } from "next-auth/jwt";
import type { Database } from "@concord/db";
import type { SecondFactorRequirement } from "@concord/domain";
import { signOutSession } from "./actor";
import { type SecondFactorConfig, clientAddressFrom, signInWithPassword } from "./sign-in";
import { secondFactorKey } from "./totp";

/** The cookie is only a pointer to the server-side session; its lifetime is the absolute limit. */
const TWELVE_HOURS_S = 12 * 60 * 60;

/**
 * Over https the session cookie is `__Host-`-prefixed: the browser then accepts it only with
 * Secure, Path=/ and no Domain, so no sibling subdomain can set or shadow it.
 */
export const SECURE_SESSION_COOKIE = "__Host-next-auth.session-token";
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, "next-auth.session-token"] as const;

export interface AuthDeps {
  getDb: () => Promise<Database>;
  secret: string;
  /** NEXTAUTH_URL (or the public URL): https turns on the secure, `__Host-` cookie. */
  publicUrl: string;
  /** CONCORD_TRUST_PROXY=1: a proxy we control sets x-forwarded-for (see clientAddressFrom). */
  trustProxy: boolean;
  /** CONCORD_SECOND_FACTOR: who must use two-factor sign-in. */
  secondFactorRequirement: SecondFactorRequirement;
}

/** The second-factor settings sign-in and enrolment share: the requirement and the key for secrets at rest. */
export function secondFactorConfig(deps: Pick<AuthDeps, "secret" | "secondFactorRequirement">): SecondFactorConfig {
  return { requirement: deps.secondFactorRequirement, key: secondFactorKey(deps.secret) };
}

export function buildAuthOptions(deps: AuthDeps): NextAuthOptions {
  const secure = deps.publicUrl.startsWith("https://");
  const secondFactor = secondFactorConfig(deps);
  return {
    secret: deps.secret,
    session: { strategy: "jwt", maxAge: TWELVE_HOURS_S },
    jwt: { maxAge: TWELVE_HOURS_S },
    pages: { signIn: "/signin" },
    useSecureCookies: secure,
    // Over plain http (localhost in development and tests) the browser would drop a Secure cookie.
    cookies: {
      sessionToken: {
        name: secure ? SECURE_SESSION_COOKIE : "next-auth.session-token",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials, req) {
          const address = clientAddressFrom(req?.headers as Record<string, string | undefined> | undefined, deps.trustProxy);
          const user = await signInWithPassword(await deps.getDb(), credentials, { address, secondFactor });
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role, sid: user.sid } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; sid: string };
          token.uid = u.id;
          token.role = u.role;
          token.sid = u.sid;
        }
        return token;
      },
      async session({ session, token }) {
        // The session id stays server-side; the browser learns only who it is signed in as.
        return { ...session, user: { name: session.user?.name, email: session.user?.email, role: token.role } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const t = token as { sid?: string; uid?: string } | null;
        await signOutSession(await deps.getDb(), t?.sid, t?.uid);
      },
    },
  };
}

/** Reads the server-side session id out of the next-auth cookie, or null. */
export async function sessionIdFromCookies(getCookie: (name: string) => string | undefined, secret: string): Promise<string | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = getCookie(name);
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret });
      if (token && typeof token.sid === "string") return token.sid;
    } catch {
      return null;
    }
  }
  return null;
}
