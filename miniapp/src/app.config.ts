export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notice/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '职称通',
    navigationBarTextStyle: 'white',
  },
});
