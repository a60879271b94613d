export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notice/index'],
  // Secondary screens load on first use, so the main package stays within its budget.
  subPackages: [
    {
      root: 'packages/applicant',
      pages: [
        'pages/application/index',
        'pages/todo/index',
        'pages/fee/index',
        'pages/inbox/index',
        'pages/calendar/index',
        'pages/me/index',
        'pages/certificate/index',
        'pages/facts/index',
        'pages/eligibility/index',
        'pages/feedback/index',
      ],
    },
    // The title office's console: staff only, never preloaded, so applicants never download it.
    {
      root: 'packages/office',
      pages: ['pages/sign-in/index', 'pages/console/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/applicant'] },
  },
  // H5: no slide between pages; slow phones show the next page sooner.
  animation: false,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '职称通',
    navigationBarTextStyle: 'white',
  },
});
