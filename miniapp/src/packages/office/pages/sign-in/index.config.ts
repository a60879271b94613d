export default definePageConfig({
  navigationBarTitleText: '职称办登录',
});
