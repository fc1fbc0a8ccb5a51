/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@guftagu/contracts', '@guftagu/sdk'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
