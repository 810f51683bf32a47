import { Navigate, Route, Routes } from 'react-router';
import { EmptyState, RequireSignIn } from '@shop/shared';
import { SignIn } from './auth/SignIn';
import { SignUp } from './auth/SignUp';
import { CartPage } from './cart/CartPage';
import { Checkout } from './checkout/Checkout';
import { OrderList } from './orders/OrderList';
import { OrderDetails } from './orders/OrderDetails';

/** The shopper's pages, mounted by the shell at /account/*. */
export default function AccountApp() {
  return (
    <Routes>
      <Route index element={<Navigate to="orders" replace />} />
      <Route path="signin" element={<SignIn />} />
      <Route path="signup" element={<SignUp />} />
      <Route path="cart" element={<RequireSignIn><CartPage /></RequireSignIn>} />
      <Route path="checkout" element={<RequireSignIn><Checkout /></RequireSignIn>} />
      <Route path="orders" element={<RequireSignIn><OrderList /></RequireSignIn>} />
      <Route path="orders/:id" element={<RequireSignIn><OrderDetails /></RequireSignIn>} />
      <Route path="*" element={<EmptyState title="Page not found" />} />
    </Routes>
  );
}
